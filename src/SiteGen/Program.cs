return SiteGen.Cli.CommandLine.Run(args);
