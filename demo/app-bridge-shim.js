// Demo only: what App Bridge and the Shopify admin around it do for this app, for a browser that has
// no admin around it — hand out session tokens and add them to the app's own requests, and draw an
// admin-like frame (top bar, sidebar with the app's navigation, title bar, contextual save bar,
// toasts) from the app's <ui-nav-menu>, <ui-title-bar> and <ui-save-bar> elements.
(function () {
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("demo-shop");
  if (shop) sessionStorage.setItem("demo-shop", shop);
  var token = params.get("id_token");
  var tokenAt = token ? Date.now() : 0;
  var networkFetch = window.fetch.bind(window);
  var APP_NAME = "Support chat";

  function idToken() {
    if (token && Date.now() - tokenAt < 30000) return Promise.resolve(token);
    return networkFetch("/demo/session-token?shop=" + encodeURIComponent(shop || ""))
      .then(function (r) {
        return r.json();
      })
      .then(function (body) {
        token = body.token;
        tokenAt = Date.now();
        return token;
      });
  }

  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf("/demo/") === 0) return networkFetch(input, init);
    return idToken().then(function (t) {
      var options = Object.assign({}, init);
      var headers = new Headers(options.headers || (input instanceof Request ? input.headers : undefined));
      headers.set("Authorization", "Bearer " + t);
      options.headers = headers;
      return networkFetch(input, options);
    });
  };

  // ---- The frame. Drawn at the end of <body> once the page is parsed: React leaves nodes after its
  // own in <body> alone when it hydrates, and the app's elements are hidden by CSS, not touched.
  function el(tag, attrs, kids) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.indexOf("on") === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (kid) {
      if (kid) node.append(kid);
    });
    return node;
  }

  var CSS = [
    "ui-nav-menu,ui-title-bar,ui-save-bar{display:none!important}",
    "body{padding:104px 0 0 240px!important}",
    ".demo-admin,.demo-admin *{box-sizing:border-box;font-family:-apple-system,BlinkMacSystemFont,'San Francisco','Segoe UI',Roboto,'Helvetica Neue',sans-serif}",
    ".demo-admin-top{position:fixed;z-index:500;top:0;left:0;right:0;height:56px;display:flex;align-items:center;gap:16px;padding:0 16px;background:#1a1a1a;color:#e3e3e3}",
    ".demo-admin-logo{display:flex;align-items:center;gap:8px;width:208px;font-weight:700;font-size:15px;color:#fff}",
    ".demo-admin-logo svg{width:24px;height:24px}",
    ".demo-admin-search{flex:1;max-width:560px;margin:0 auto;height:34px;display:flex;align-items:center;padding:0 12px;border-radius:10px;background:#303030;color:#b5b5b5;font-size:13px}",
    ".demo-admin-store{display:flex;align-items:center;gap:8px;font-size:13px;color:#e3e3e3}",
    ".demo-admin-avatar{display:grid;place-items:center;width:28px;height:28px;border-radius:8px;background:#36c3a4;color:#1a1a1a;font-weight:700;font-size:12px}",
    ".demo-admin-side{position:fixed;z-index:400;top:56px;bottom:0;left:0;width:240px;padding:12px 8px;overflow:auto;background:#ebebeb;border-right:1px solid #dcdcdc;font-size:13px}",
    ".demo-admin-side ul{list-style:none;margin:0;padding:0}",
    ".demo-admin-side li>span,.demo-admin-side a{display:flex;align-items:center;gap:8px;min-height:30px;padding:4px 10px;border-radius:8px;color:#303030;text-decoration:none;font-weight:550}",
    ".demo-admin-side li>span{color:#616161}",
    ".demo-admin-side a:hover{background:#f1f1f1}",
    ".demo-admin-side a:focus-visible{outline:2px solid #005bd3;outline-offset:1px}",
    ".demo-admin-side a[aria-current=page]{background:#fff;color:#1a1a1a;font-weight:650}",
    ".demo-admin-side h2{margin:16px 10px 4px;font-size:12px;font-weight:650;color:#616161}",
    ".demo-admin-side .demo-admin-app{font-weight:650;color:#1a1a1a}",
    ".demo-admin-side .demo-admin-sub a{padding-left:38px;font-weight:450}",
    ".demo-admin-title{position:fixed;z-index:300;top:56px;left:240px;right:0;height:48px;display:flex;align-items:center;gap:10px;padding:0 20px;background:#f1f1f1;border-bottom:1px solid #e3e3e3;font-size:14px;color:#303030}",
    ".demo-admin-title b{font-weight:650}",
    ".demo-admin-icon{display:grid;place-items:center;width:24px;height:24px;border-radius:6px;background:#1f6f5c;color:#fff}",
    ".demo-admin-icon svg{width:15px;height:15px}",
    ".demo-admin-save{position:fixed;z-index:600;top:0;left:0;right:0;height:56px;display:flex;align-items:center;gap:8px;padding:0 16px 0 24px;background:#1a1a1a;color:#fff;font-size:14px;font-weight:650}",
    ".demo-admin-save[hidden]{display:none}",
    ".demo-admin-save span{flex:1;display:flex;align-items:center;gap:8px}",
    ".demo-admin-save button{height:32px;padding:0 14px;border-radius:8px;border:0;font:inherit;font-size:13px;cursor:pointer}",
    ".demo-admin-save .demo-discard{background:#404040;color:#fff}",
    ".demo-admin-save .demo-save{background:#fff;color:#1a1a1a}",
    ".demo-admin-save button:disabled{opacity:.6;cursor:default}",
    ".demo-admin-save button:focus-visible{outline:2px solid #8ab4ff;outline-offset:2px}",
    ".demo-admin-toasts{position:fixed;z-index:700;left:calc(50% + 120px);bottom:24px;transform:translateX(-50%);display:grid;gap:8px}",
    ".demo-admin-toast{padding:10px 16px;border-radius:10px;background:#1a1a1a;color:#fff;font-size:14px;box-shadow:0 4px 16px #0004}",
    ".demo-admin-toast.demo-error{background:#8e1f0b}",
    "@media (max-width:768px){body{padding-left:0!important}.demo-admin-side{display:none}.demo-admin-title{left:0}.demo-admin-logo{width:auto}.demo-admin-search{display:none}.demo-admin-toasts{left:50%}}",
  ].join("\n");

  var CHAT_ICON =
    '<svg viewBox="0 0 20 20" aria-hidden="true" fill="currentColor"><path d="M10 2C5.6 2 2 5.1 2 9c0 1.9.9 3.7 2.4 5L3.5 18l4.1-1.8c.8.2 1.6.3 2.4.3 4.4 0 8-3.1 8-7s-3.6-7.5-8-7.5z"/></svg>';
  var frame = {};

  function svg(markup) {
    var span = document.createElement("span");
    span.innerHTML = markup; // a constant above, never data
    return span.firstChild;
  }

  function build() {
    document.head.append(el("style", { id: "demo-admin-style", text: CSS }));
    var handle = (shop || "demo-shop").replace(/\.myshopify\.com$/, "");
    var top = el("header", { class: "demo-admin demo-admin-top" }, [
      el("span", { class: "demo-admin-logo" }, [
        svg(
          '<svg viewBox="0 0 24 24" aria-hidden="true" fill="#95bf47"><path d="M15.3 3.2c-.1 0-.2 0-.3.1l-.7.2c-.4-1.2-1.2-2.3-2.5-2.3h-.1C11.3.7 10.9.5 10.5.5 7.5.5 6 4.3 5.6 6.2l-2.1.7c-.6.2-.7.2-.7.8L1.1 20.5 14 23l7-1.5S15.4 3.3 15.3 3.2z"/></svg>',
        ),
        el("span", { text: "Shopify admin (demo)" }),
      ]),
      el("span", { class: "demo-admin-search", "aria-hidden": "true", text: "Search" }),
      el("span", { class: "demo-admin-store" }, [
        el("span", { class: "demo-admin-avatar", "aria-hidden": "true", text: handle.slice(0, 2).toUpperCase() }),
        el("span", { text: handle }),
      ]),
    ]);
    frame.nav = el("ul", { class: "demo-admin-sub" });
    var admin = ["Home", "Orders", "Products", "Customers", "Content", "Analytics", "Marketing", "Discounts"].map(
      function (name) {
        return el("li", null, [el("span", { text: name })]);
      },
    );
    var side = el("nav", { class: "demo-admin demo-admin-side", "aria-label": "Shopify admin" }, [
      el("ul", null, admin),
      el("h2", { text: "Apps" }),
      el("ul", null, [
        el("li", null, [
          (frame.appLink = el("a", { class: "demo-admin-app", href: "/app" }, [
            el("span", { class: "demo-admin-icon" }, [svg(CHAT_ICON)]),
            el("span", { text: APP_NAME }),
          ])),
        ]),
      ]),
      frame.nav,
    ]);
    frame.title = el("b");
    var titleBar = el("div", { class: "demo-admin demo-admin-title" }, [
      el("span", { class: "demo-admin-icon" }, [svg(CHAT_ICON)]),
      el("span", { text: APP_NAME + " ›" }),
      frame.title,
    ]);
    frame.saveButton = el("button", {
      type: "button",
      class: "demo-save",
      text: "Save",
      onclick: function () {
        press(true);
      },
    });
    frame.discardButton = el("button", {
      type: "button",
      class: "demo-discard",
      text: "Discard",
      onclick: function () {
        press(false);
      },
    });
    frame.save = el(
      "div",
      { class: "demo-admin demo-admin-save", role: "region", "aria-label": "Unsaved changes", hidden: "" },
      [el("span", { text: "Unsaved changes" }), frame.discardButton, frame.saveButton],
    );
    frame.toasts = el("div", { class: "demo-admin demo-admin-toasts", role: "status", "aria-live": "polite" });
    document.body.append(top, side, titleBar, frame.save, frame.toasts);
    frame.appLink.addEventListener("click", function (event) {
      follow(event, "/app");
    });
    sync();
    new MutationObserver(sync).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["title", "href", "loading", "disabled"],
    });
  }

  // Navigation happens in the app, as in the admin: the app's own link (a Remix <Link>) is clicked.
  function follow(event, href) {
    var own = document.querySelector('ui-nav-menu a[href="' + href + '"]');
    if (!own) return;
    event.preventDefault();
    own.click();
  }

  var drawn = "";
  function sync() {
    if (!frame.nav) return;
    var links = Array.prototype.slice.call(document.querySelectorAll("ui-nav-menu a[href]"));
    var path = location.pathname.replace(/\/$/, "");
    var key =
      path +
      "|" +
      links
        .map(function (a) {
          return a.getAttribute("href") + a.textContent;
        })
        .join(",");
    if (key !== drawn) {
      drawn = key;
      // The home link (rel=home) is the app's name above; the others are its pages.
      var current = links
        .filter(function (a) {
          return a.getAttribute("rel") !== "home";
        })
        .reduce(function (best, a) {
          var href = a.getAttribute("href");
          return (path === href || path.indexOf(href + "/") === 0) && (!best || href.length > best.length)
            ? href
            : best;
        }, null);
      frame.nav.replaceChildren.apply(
        frame.nav,
        links
          .filter(function (a) {
            return a.getAttribute("rel") !== "home";
          })
          .map(function (a) {
            var href = a.getAttribute("href");
            var link = el("a", {
              href: href,
              text: a.textContent,
              onclick: function (event) {
                follow(event, href);
              },
            });
            if (href === current) link.setAttribute("aria-current", "page");
            return el("li", null, [link]);
          }),
      );
      if (!current && (path === "/app" || path === "")) frame.appLink.setAttribute("aria-current", "page");
      else if (frame.appLink.hasAttribute("aria-current")) frame.appLink.removeAttribute("aria-current");
    }
    var bars = document.querySelectorAll("ui-title-bar[title]");
    var title = bars.length ? bars[bars.length - 1].getAttribute("title") : "";
    if (frame.title.textContent !== title) frame.title.textContent = title;
    syncSaveBar();
  }

  // ---- <ui-save-bar>: shown in place of the top bar; its Save and Discard press the app's buttons.
  var saveBars = {};
  function openSaveBar() {
    for (var id in saveBars) if (saveBars[id].showing) return saveBars[id];
    return null;
  }
  function appButton(bar, primary) {
    return bar.querySelector(primary ? "button[variant=primary]" : "button:not([variant=primary])");
  }
  function syncSaveBar() {
    if (!frame.save) return;
    // Only real changes are written: the frame's own edits would otherwise wake the observer again.
    var bar = openSaveBar();
    if (frame.save.hidden !== !bar) frame.save.hidden = !bar;
    if (!bar) return;
    [
      [frame.saveButton, true],
      [frame.discardButton, false],
    ].forEach(function (pair) {
      var own = appButton(bar, pair[1]);
      var disabled = !own || own.disabled || own.hasAttribute("loading");
      var label =
        (own && own.textContent.trim()) ||
        (pair[1] ? (own && own.hasAttribute("loading") ? "Saving…" : "Save") : "Discard");
      if (pair[0].disabled !== disabled) pair[0].disabled = disabled;
      if (pair[0].textContent !== label) pair[0].textContent = label;
    });
  }
  function press(primary) {
    var bar = openSaveBar();
    var own = bar && appButton(bar, primary);
    if (own) own.click();
  }

  if (window.customElements && !customElements.get("ui-save-bar")) {
    customElements.define(
      "ui-save-bar",
      class extends HTMLElement {
        get showing() {
          return !!this._showing;
        }
        set discardConfirmation(value) {
          this._confirm = !!value;
        }
        get discardConfirmation() {
          return !!this._confirm;
        }
        connectedCallback() {
          if (this.id) saveBars[this.id] = this;
        }
        disconnectedCallback() {
          if (this.id && saveBars[this.id] === this) delete saveBars[this.id];
          syncSaveBar();
        }
        show() {
          return this._set(true);
        }
        hide() {
          return this._set(false);
        }
        toggle() {
          return this._set(!this._showing);
        }
        _set(on) {
          if (!!this._showing !== on) {
            this._showing = on;
            syncSaveBar();
            this.dispatchEvent(new Event(on ? "show" : "hide"));
          }
          return Promise.resolve();
        }
      },
    );
  }

  // ---- Toasts, and admin links (shopify://admin/…), which lead out of the demo.
  function toast(message, options) {
    if (!frame.toasts) return;
    var note = el("div", {
      class: "demo-admin-toast" + (options && options.isError ? " demo-error" : ""),
      text: message,
    });
    frame.toasts.append(note);
    setTimeout(
      function () {
        note.remove();
      },
      (options && options.duration) || 5000,
    );
  }
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element && event.target.closest('a[href^="shopify:"]');
      if (!link) return;
      event.preventDefault();
      toast(
        "In the Shopify admin this opens " + link.getAttribute("href").replace(/^shopify:\/*admin\/?/, "admin/") + ".",
      );
    },
    true,
  );

  window.shopify = {
    config: { apiKey: document.currentScript && document.currentScript.dataset.apiKey, shop: shop },
    idToken: idToken,
    toast: {
      show: function (message, options) {
        toast(message, options);
        return "demo-toast";
      },
      hide: function () {},
    },
    loading: function () {},
    saveBar: {
      show: function (id) {
        return saveBars[id] ? saveBars[id].show() : Promise.resolve();
      },
      hide: function (id) {
        return saveBars[id] ? saveBars[id].hide() : Promise.resolve();
      },
      toggle: function (id) {
        return saveBars[id] ? saveBars[id].toggle() : Promise.resolve();
      },
      leaveConfirmation: function () {
        return Promise.resolve();
      },
    },
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
