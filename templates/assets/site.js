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
