// SiteGen's bridge to KaTeX, evaluated in every Jint engine after katex.min.js.
// Output must stay byte-identical to Node's katex.renderToString(tex, {throwOnError: false, ...}).
var __sitegen = (function () {
  "use strict";
  var base = {};
  var macros = {};

  function configure(optionsJson, macrosJson) {
    base = JSON.parse(optionsJson);
    macros = JSON.parse(macrosJson);
  }

  function options(display, throwOnError, warnings) {
    var o = Object.assign({}, base);
    o.displayMode = display;
    o.throwOnError = throwOnError;
    o.trust = false;
    // KaTeX writes \gdef results into the macros object it is given: a fresh copy keeps renders independent.
    o.macros = Object.assign({}, macros);
    // Default strict is "warn", which only console.warns; "ignore" from a callback gives the same output
    // and lets us record the warning. Any other user choice is KaTeX's to apply.
    if (base.strict === undefined || base.strict === "warn") {
      o.strict = function (code, message) {
        warnings.push(code + "\u0000" + message);
        return "ignore";
      };
    }
    return o;
  }

  // Returns [html, parseErrorMessage | null, warnings joined by "\n"].
  // Rendering with throwOnError true first costs nothing for valid TeX and is the only way to learn
  // about an undefined control sequence, which throwOnError false silently paints red.
  function render(tex, display) {
    var warnings = [];
    try {
      return [katex.renderToString(tex, options(display, true, warnings)), null, warnings.join("\n")];
    } catch (e) {
      if (!(e instanceof katex.ParseError)) {
        throw e;
      }
      var html = katex.renderToString(tex, options(display, false, []));
      return [html, e.message, warnings.join("\n")];
    }
  }

  return { configure: configure, render: render, version: katex.version };
})();
