// SiteGen theme script: theme toggle, current TOC entry and file:// navigation. Small, no dependencies.
(function () {
  "use strict";
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function isDark() {
    return root.dataset.theme ? root.dataset.theme === "dark" : !!(media && media.matches);
  }

  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var sync = function () { toggle.setAttribute("aria-pressed", String(isDark())); };
    sync();
    if (media && media.addEventListener) media.addEventListener("change", sync);
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.dataset.theme = next;
      try { localStorage.setItem("sitegen-theme", next); } catch (e) { /* private mode: works until reload */ }
      sync();
    });
  }

  // Highlights the TOC entry of the section being read; purely visual, links work without it.
  var tocLinks = document.querySelectorAll(".toc a[href^='#']");
  if (tocLinks.length && "IntersectionObserver" in window) {
    var byId = {};
    for (var i = 0; i < tocLinks.length; i++) byId[decodeURIComponent(tocLinks[i].getAttribute("href").slice(1))] = tocLinks[i];
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !byId[entry.target.id]) return;
        for (var k in byId) byId[k].removeAttribute("aria-current");
        byId[entry.target.id].setAttribute("aria-current", "location");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    for (var id in byId) {
      var heading = document.getElementById(id);
      if (heading) observer.observe(heading);
    }
  }

  // A formula wider than the column scrolls sideways; keyboard users must be able to reach and scroll it.
  // Widths are only final once KaTeX's fonts have loaded, and they change with the window.
  // The label is a theme word in the site's language, written on <body> by the layout.
  var formulaLabel = document.body.getAttribute("data-formula-label") || "Formula (scrolls sideways)";
  function markScrollableFormulas() {
    var formulas = document.querySelectorAll(".katex-display");
    for (var k = 0; k < formulas.length; k++) {
      var f = formulas[k];
      if (f.scrollWidth > f.clientWidth) {
        f.setAttribute("tabindex", "0");
        f.setAttribute("role", "group");
        f.setAttribute("aria-label", formulaLabel);
      } else if (f.getAttribute("tabindex") === "0") {
        f.removeAttribute("tabindex");
        f.removeAttribute("role");
        f.removeAttribute("aria-label");
      }
    }
  }
  markScrollableFormulas();
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(markScrollableFormulas);
  window.addEventListener("load", markScrollableFormulas);
  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(markScrollableFormulas, 150);
  });

  // Opened straight from disk, folder links would show a directory listing: point them at index.html.
  if (location.protocol === "file:") {
    var links = document.querySelectorAll("a[href]");
    for (var j = 0; j < links.length; j++) {
      var href = links[j].getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") continue;
      var hash = href.indexOf("#") >= 0 ? href.slice(href.indexOf("#")) : "";
      var path = hash ? href.slice(0, href.indexOf("#")) : href;
      if (path === "") continue;
      if (path.charAt(path.length - 1) === "/") links[j].setAttribute("href", path + "index.html" + hash);
    }
  }
})();
