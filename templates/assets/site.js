// SiteGen theme script: theme toggle and file:// navigation. Small, no dependencies.
(function () {
  "use strict";
  var root = document.documentElement;
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var dark = root.dataset.theme ? root.dataset.theme === "dark"
        : window.matchMedia("(prefers-color-scheme: dark)").matches;
      var next = dark ? "light" : "dark";
      root.dataset.theme = next;
      try { localStorage.setItem("sitegen-theme", next); } catch (e) { /* private mode */ }
      toggle.setAttribute("aria-pressed", String(next === "dark"));
    });
  }
  // Opened straight from disk, folder links would show a directory listing: point them at index.html.
  if (location.protocol === "file:") {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") continue;
      var hash = href.indexOf("#") >= 0 ? href.slice(href.indexOf("#")) : "";
      var path = hash ? href.slice(0, href.indexOf("#")) : href;
      if (path === "" ) continue;
      if (path.charAt(path.length - 1) === "/") links[i].setAttribute("href", path + "index.html" + hash);
    }
  }
})();
