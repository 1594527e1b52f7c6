/* Support chat bubble (theme app extension asset): no dependencies, no globals but window.SupportChat.
 * Wire contract: app/chat/protocol.ts. Data reaches the DOM as text nodes only, never as HTML. */
(() => {
  'use strict';
  const root = document.querySelector('.nwsc-root');
  if (!root || window.SupportChat || !window.fetch) return;

  const ds = root.dataset;
  const proxy = (ds.proxy || '/apps/support').replace(/\/+$/, '');
  // Strings: the block's data-l-* attributes (locales/*.json).
  const t = (k) => ds[k] || '';
  const bot = ds.botName || ''; // the block falls back to the shop's name
  const key = 'nwsc:' + (ds.shop || location.host) + ':' + (ds.customer ? 'c' + ds.customer : 'guest');
  const openKey = key + ':open';

  // Storage may throw (privacy modes): then memory only.
  const store = (session, k, v) => {
    try {
      const s = session ? sessionStorage : localStorage;
      if (v === undefined) return s.getItem(k);
      v === null ? s.removeItem(k) : s.setItem(k, v);
    } catch (_) {
      /* ignore */
    }
    return null;
  };
  let convId = store(0, key);
  const remember = (id) => id && store(0, key, (convId = String(id)));
  const forget = () => store(0, key, (convId = null));

  // Accent, and readable text on it (WCAG relative luminance).
  const accent = /^#([\da-f]{3}){1,2}$/i.test(ds.accent || '') ? ds.accent : '#1f6f5c';
  const hex = accent.length === 4 ? accent.replace(/[\da-f]/gi, '$&$&') : accent;
  const lum = [1, 3, 5].map((i) => {
    const c = parseInt(hex.substr(i, 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const light = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2] > 0.179;
  const css = (k, v) => root.style.setProperty('--nwsc-' + k, v);
  css('accent', accent);
  css('on', light ? '#111' : '#fff');
  css('ink', light ? '#1a1a1a' : accent);
  if (ds.position === 'bottom-left') root.classList.add('nwsc-left');

  // h(tag, {class, text, onclick, attr…}, [nodes or strings], svg?)
  const h = (tag, attrs, kids, svg) => {
    const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
    for (const k in attrs) {
      const v = attrs[k];
      if (k === 'text') el.textContent = v;
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else if (v != null && v !== false) el.setAttribute(k, v === true ? '' : v);
    }
    if (kids) kids.forEach((c) => c && el.append(c));
    return el;
  };
  const icon = (d, cls) =>
    h(
      'svg',
      { viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false', class: cls },
      [h('path', { d }, 0, 1)],
      1,
    );
  const X = 'M6 6l12 12M18 6L6 18';
  const THUMB = 'M7 10v10H4V10h3zm0 0l4-7c1.3 0 2.4 1.2 2.1 2.5L12.5 9H18a2 2 0 0 1 2 2.4l-1.4 7A2 2 0 0 1 16.6 20H7';

  // clientMessageId: 128 random bits, hex.
  const newId = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (v) => (v + 256).toString(16).slice(1)).join('');

  // SSE (protocol.ts): onDelta per delta; resolves with the message/error payload, null if it ends first.
  const sse = async (reader, onDelta, arm) => {
    const dec = new TextDecoder();
    let buf = '';
    let ev = '';
    let data = null;
    let r;
    while (!(r = await reader.read()).done) {
      arm();
      const lines = (buf += dec.decode(r.value, { stream: true })).split(/\r?\n/);
      buf = lines.pop();
      for (const line of lines) {
        const [, f, v] = /^([^:]*):? ?([^]*)/.exec(line);
        if (f === 'event') ev = v;
        else if (f === 'data') data = data == null ? v : data + '\n' + v;
        else if (!line) {
          let d;
          try {
            d = JSON.parse(data);
          } catch (_) {
            /* skip */
          }
          if (d && ev === 'delta') typeof d.text === 'string' && onDelta(d.text);
          else if (d && (ev === 'message' || ev === 'error')) return d;
          ev = '';
          data = null;
        }
      }
    }
    return null;
  };

  // Call the app proxy (SSE with onDelta). Rejects with a shopper-readable message (.status if the server answered).
  const api = async (path, body, onDelta) => {
    const ctl = new AbortController();
    let timer;
    const arm = () => {
      // 60 s idle: abort
      clearTimeout(timer);
      timer = setTimeout(() => ctl.abort(), 60000);
    };
    const accept = (onDelta ? 'text/event-stream, ' : '') + 'application/json';
    const init = { headers: { Accept: accept }, credentials: 'same-origin', signal: ctl.signal };
    if (body) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
      // A nonce makes each signed proxy URL unique: the server accepts a signature once.
      path += '?r=' + newId();
    }
    let res;
    let data = null;
    try {
      arm();
      res = await fetch(proxy + path, init);
      data =
        onDelta && res.ok && /event-stream/.test(res.headers.get('content-type'))
          ? await sse(res.body.getReader(), onDelta, arm)
          : await res.json().catch(() => null);
    } catch (_) {
      throw new Error(t('lOffline'));
    } finally {
      clearTimeout(timer);
      ctl.abort(); // ends a stream left unread
    }
    if (res.ok && data && !data.error) return data;
    const err = new Error(
      (data && data.error && typeof data.error.message === 'string' && data.error.message) || t('lError'),
    );
    err.status = res.status;
    throw err;
  };

  let panel, list, live, input, send, typingEl;
  let isOpen = false;
  let started = false;
  let busy = false;
  let waiting = false; // awaitingTeam: poll
  const seen = {}; // message ids shown

  // aria-controls is set once the panel exists (it is built on first open).
  const launcher = h(
    'button',
    {
      type: 'button',
      class: 'nwsc-launcher',
      'aria-label': t('lOpen'),
      'aria-expanded': 'false',
      onclick: () => (isOpen ? close(true) : open(true)),
    },
    [icon('M21 11.5a8.4 8.4 0 0 1-12.3 7.5L3 21l2-5.4A8.4 8.4 0 1 1 21 11.5z', 'nwsc-i-chat'), icon(X, 'nwsc-i-x')],
  );
  root.append(launcher);

  const scroll = () => {
    list.scrollTop = list.scrollHeight;
  };
  // The one live region: the words of a new reply or error, never the cards and buttons beside them.
  const announce = (text) => {
    live.textContent = text;
  };
  const setBusy = (b) => {
    busy = b;
    send.setAttribute('aria-disabled', b);
  };
  const typing = (on) => {
    if (on) {
      typingEl = h('div', { class: 'nwsc-typing' }, [
        h(
          'div',
          { class: 'nwsc-bubble' },
          [0, 0, 0]
            .map(() => h('span', { class: 'nwsc-dot' }))
            .concat(h('span', { class: 'nwsc-sr', text: t('lTyping') })),
        ),
      ]);
      list.append(typingEl);
      scroll();
    } else if (typingEl) {
      typingEl.remove();
      typingEl = null;
    }
  };

  // Text → text nodes, newlines → <br>, bare http(s) URLs → links (bot/agent text only).
  const rich = (text, links) => {
    const out = [];
    String(text == null ? '' : text)
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (i) out.push(h('br'));
        let last = 0;
        if (links) {
          line.replace(/https?:\/\/[^\s<>"'`]+/gi, (m, at) => {
            const url = m.replace(/[.,;:!?)\]}*_]+$/, '');
            out.push(line.slice(last, at), h('a', { href: url, rel: 'noopener', target: '_blank', text: url }));
            last = at + url.length;
            return m;
          });
        }
        out.push(line.slice(last));
      });
    return out;
  };
  const arr = (a) => (Array.isArray(a) ? a : []);
  const safeUrl = (u) => (typeof u === 'string' && /^(https?:\/\/|\/(?![/\\]))/i.test(u) ? u : '');

  const SHOWN = 4;
  const product = (p) => {
    const url = safeUrl(p.url);
    const img = safeUrl(p.imageUrl);
    const blank = () => h('span', { class: 'nwsc-product-img' });
    const body = [
      img
        ? h('img', {
            class: 'nwsc-product-img',
            src: img,
            alt: '',
            loading: 'lazy',
            width: 48,
            height: 48,
            onerror: (e) => e.target.replaceWith(blank()),
          })
        : blank(),
      h('span', { class: 'nwsc-product-info' }, [
        h('span', { class: 'nwsc-product-title', text: p.title || '', title: p.title || null }), // clamped at two lines
        h('span', { class: 'nwsc-product-price' }, [
          String(p.price || ''),
          p.compareAtPrice ? h('s', { text: String(p.compareAtPrice) }) : null,
          p.available === false ? h('span', { class: 'nwsc-soldout', text: t('lSoldOut') }) : null,
        ]),
      ]),
    ];
    return h('li', { class: 'nwsc-product' }, [url ? h('a', { href: url }, body) : h('div', null, body)]);
  };
  // Cards past the first few wait behind "Show N more", which hands focus to the first of them.
  const products = (list) => {
    const items = list.slice(0, 10).map(product);
    const rest = items.slice(SHOWN);
    rest.forEach((li) => {
      li.hidden = true;
    });
    const more =
      rest.length &&
      h('button', {
        type: 'button',
        class: 'nwsc-more',
        text: t('lMore').replace('#', rest.length),
        onclick: () => {
          rest.forEach((li) => {
            li.hidden = false;
          });
          more.remove();
          const first = rest[0].querySelector('a') || rest[0]; // a card without a link is focused as itself
          if (first.tabIndex < 0) first.tabIndex = -1;
          first.focus();
        },
      });
    return [h('ul', { class: 'nwsc-products' }, items), more];
  };

  const feedback = (m) => {
    let rating = m.feedback === 'up' || m.feedback === 'down' ? m.feedback : null;
    const btn = (r, label) =>
      h(
        'button',
        {
          type: 'button',
          class: 'nwsc-fb-' + r,
          'aria-label': label,
          title: label,
          'aria-pressed': String(rating === r),
          onclick: async () => {
            const prev = rating;
            if (prev === r || !convId) return;
            paint((rating = r));
            try {
              await api('/feedback', { conversationId: convId, messageId: m.id, rating: r });
            } catch (_) {
              paint((rating = prev));
            }
          },
        },
        [icon(THUMB)],
      );
    const btns = [btn('up', t('lHelpful')), btn('down', t('lNotHelpful'))];
    const paint = (r) => btns.forEach((b, i) => b.setAttribute('aria-pressed', r === (i ? 'down' : 'up')));
    return h('div', { class: 'nwsc-feedback', role: 'group', 'aria-label': t('lRate') }, btns);
  };

  // One ChatMessageView (the team's labelled). Only the newest message keeps quick replies or the survey.
  // `say`: announce it (a new reply, not history being loaded).
  const addMsg = (m, extra, say) => {
    const role = m.role === 'shopper' || m.role === 'agent' ? m.role : 'bot';
    if (m.id) seen[m.id] = 1;
    list.querySelectorAll('.nwsc-quick,.nwsc-csat').forEach((q) => q.remove());
    const el = h('div', { class: 'nwsc-msg nwsc-msg--' + role + (extra ? ' ' + extra : ''), 'data-id': m.id || null }, [
      role === 'agent' && h('span', { class: 'nwsc-from', text: t('lTeam') }),
      h('div', { class: 'nwsc-bubble' }, rich(m.text, role !== 'shopper')),
    ]);
    if (role !== 'shopper') {
      const cards = arr(m.products).filter((p) => p && typeof p === 'object');
      const replies = arr(m.quickReplies).filter((q) => typeof q === 'string' && q);
      if (cards.length) products(cards).forEach((n) => n && el.append(n));
      if (replies.length) {
        el.append(
          h(
            'div',
            { class: 'nwsc-quick' },
            replies.slice(0, 6).map((q) =>
              h('button', {
                type: 'button',
                text: q,
                onclick: () => {
                  if (!busy) {
                    submit(q);
                    input.focus();
                  }
                },
              }),
            ),
          ),
        );
      }
      // The server leaves `feedback` out where there is nothing to rate (greetings, goodbyes).
      if (role === 'bot' && m.id && 'feedback' in m) el.append(feedback(m));
      if (say) announce((role === 'agent' ? t('lTeam') + ': ' : '') + m.text);
    }
    list.append(el);
    scroll();
    return el;
  };

  // Inline error (the list is a polite live region); Retry re-runs `again`.
  const fail = (message, again) => {
    const line = h('div', { class: 'nwsc-error' }, [
      h('span', { text: message }),
      h('button', {
        type: 'button',
        class: 'nwsc-retry',
        text: t('lRetry'),
        onclick: () => {
          line.remove();
          input.focus();
          again();
        },
      }),
    ]);
    list.append(line);
    announce(message);
    scroll();
  };

  const deliver = async (item) => {
    setBusy(true);
    typing(true);
    const body = {
      clientMessageId: item.id,
      text: item.text,
      locale: ds.locale || document.documentElement.lang || undefined,
    };
    // A streamed reply grows (aria-busy) in place of the dots; typing(false) drops it for the final one.
    let live;
    const onDelta = (piece) => {
      if (!live) {
        typing(false);
        live = h('div', { class: 'nwsc-msg nwsc-msg--streaming', 'aria-busy': 'true' }, [
          h('div', { class: 'nwsc-bubble' }),
        ]);
        list.append((typingEl = live));
      }
      live.firstChild.textContent += piece;
      scroll();
    };
    try {
      let data;
      try {
        data = await api('/messages', Object.assign({ conversationId: convId || undefined }, body), onDelta);
      } catch (e) {
        if (e.status !== 404 || !convId) throw e;
        forget(); // unknown to the server: start a new conversation
        data = await api('/messages', body, onDelta);
      }
      remember(data.conversationId);
      item.el.classList.remove('nwsc-msg--pending', 'nwsc-msg--failed');
      const id = data.shopperMessage && data.shopperMessage.id;
      if (id) item.el.setAttribute('data-id', (seen[id] = id));
      typing(false);
      if (data.reply) addMsg(data.reply, '', 1);
      signals(data);
    } catch (e) {
      typing(false);
      item.el.classList.replace('nwsc-msg--pending', 'nwsc-msg--failed');
      fail(e.message, () => deliver(item));
    }
    setBusy(false);
  };

  const submit = (quick) => {
    const text = (quick || input.value).trim();
    if (!text || busy) return;
    if (!quick) {
      input.value = '';
      grow();
    }
    deliver({ id: newId(), text, el: addMsg({ role: 'shopper', text }, 'nwsc-msg--pending') });
  };

  // The conversation so far; `poll`: quietly add what's new.
  const history = async (poll) => {
    if (!convId || busy) return;
    if (!poll) {
      setBusy(true);
      typing(true);
    }
    try {
      const data = await api('/conversation?conversationId=' + encodeURIComponent(convId));
      if (poll && busy) return;
      arr(data.messages).forEach((m) => m && !seen[m.id] && addMsg(m, '', poll));
      signals(data);
    } catch (e) {
      if (e.status === 404) forget();
      else if (!poll) fail(e.message, history);
    }
    if (!poll) {
      typing(false);
      setBusy(false);
    }
  };

  // awaitingTeam → poll; endOfConversation → "How did we do?" (1–5 stars, comment).
  const signals = (d) => {
    waiting = !!d.awaitingTeam;
    if (d.endOfConversation && !list.querySelector('.nwsc-csat')) {
      const stars = [1, 2, 3, 4, 5].map((n) =>
        h('label', null, [
          h('input', {
            type: 'radio',
            name: 'nwsc-csat',
            value: n,
            required: true,
            'aria-label': t('lStars').replace('#', n),
            onchange: () => stars.forEach((s, i) => s.classList.toggle('nwsc-on', i < n)),
          }),
          h('span', { 'aria-hidden': 'true', text: '★' }),
        ]),
      );
      const note = h('textarea', {
        class: 'nwsc-note',
        maxlength: 500,
        'aria-label': t('lComment'),
        placeholder: t('lComment'),
      });
      const rate = async () => {
        try {
          await api('/csat', {
            conversationId: convId,
            rating: +form.querySelector(':checked').value,
            comment: note.value.trim() || undefined,
          });
          form.replaceWith(h('div', { text: t('lThanks') }));
        } catch (e) {
          fail(e.message, rate);
        }
      };
      const form = h(
        'form',
        {
          class: 'nwsc-csat nwsc-bubble',
          onsubmit: (e) => {
            e.preventDefault();
            rate();
          },
        },
        [
          h('fieldset', null, [h('legend', { text: t('lCsat') })].concat(stars)),
          note,
          h('button', { type: 'submit', class: 'nwsc-retry', text: t('lSend') }),
        ],
      );
      list.append(form);
      scroll();
    }
  };

  const grow = () => {
    input.style.height = '';
    input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
  };

  const build = () => {
    input = h('textarea', {
      class: 'nwsc-input',
      id: 'nwsc-input',
      rows: 1,
      maxlength: 1000,
      placeholder: t('lPlaceholder'),
      'aria-label': t('lLabel'),
      oninput: grow,
      onkeydown: (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
          e.preventDefault();
          submit();
        }
      },
    });
    send = h('button', { type: 'submit', class: 'nwsc-send', 'aria-label': t('lSend'), 'aria-disabled': 'false' }, [
      icon('M5 12h14M13 6l6 6-6 6'),
    ]);
    // Not a live region (see announce); focusable so the keyboard can scroll it.
    list = h('div', { class: 'nwsc-list', role: 'region', tabindex: 0, 'aria-label': t('lConversation') });
    live = h('div', { class: 'nwsc-sr', 'aria-live': 'polite' });
    panel = h('div', { class: 'nwsc-panel', id: 'nwsc-panel', role: 'dialog', 'aria-label': bot, hidden: true }, [
      h('div', { class: 'nwsc-header' }, [
        h('span', { class: 'nwsc-title', text: bot }),
        h('button', { type: 'button', class: 'nwsc-close', 'aria-label': t('lClose'), onclick: () => close(true) }, [
          icon(X),
        ]),
      ]),
      list,
      live,
      h(
        'form',
        {
          class: 'nwsc-form',
          onsubmit: (e) => {
            e.preventDefault();
            submit();
          },
        },
        [input, send],
      ),
    ]);
    root.append(panel);
    launcher.setAttribute('aria-controls', 'nwsc-panel');
    if (ds.greeting) addMsg({ role: 'bot', text: ds.greeting }, 'nwsc-msg--greeting');
    setInterval(() => waiting && isOpen && !document.hidden && history(1), 20000);
  };

  // Where the panel fills the screen (the stylesheet's breakpoint) it is a modal dialog: the page
  // behind is neither read out nor scrolled.
  const phone = matchMedia('(max-width:480px)');
  const html = document.documentElement.style;
  let locked = null; // the page's own overflow while locked
  const modal = () => {
    const on = isOpen && phone.matches;
    on ? panel.setAttribute('aria-modal', 'true') : panel.removeAttribute('aria-modal');
    if (on && locked == null) {
      locked = html.overflow;
      html.overflow = 'hidden';
    } else if (!on && locked != null) {
      html.overflow = locked;
      locked = null;
    }
  };
  phone.addEventListener && phone.addEventListener('change', () => panel && modal());

  const show = (on) => {
    isOpen = on;
    panel.hidden = !on;
    root.classList.toggle('nwsc-open', on);
    launcher.setAttribute('aria-expanded', on);
    modal();
    store(1, openKey, on ? '1' : null);
  };
  const open = (focus) => {
    if (!panel) build();
    show(true);
    if (!started) {
      started = true;
      history();
    }
    scroll();
    if (focus) input.focus();
  };
  const close = (focus) => {
    if (!isOpen) return;
    show(false);
    if (focus) launcher.focus();
  };

  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isOpen) {
      e.stopPropagation();
      close(true);
    }
  });
  // Focus trap: Tab and Shift+Tab cycle through what can be focused in the open bubble (the
  // launcher too, where it shows). On a phone, Tab from anywhere comes back into the panel.
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || !isOpen) return;
    const inside = root.contains(document.activeElement);
    if (!inside && !phone.matches) return;
    const stops = Array.prototype.filter.call(
      root.querySelectorAll('a[href],button,textarea,input:not([type=radio]),[tabindex="0"]'),
      (el) => !el.disabled && el.getClientRects().length,
    );
    const edge = e.shiftKey ? stops[0] : stops[stops.length - 1];
    if (!inside || document.activeElement === edge) {
      e.preventDefault();
      (e.shiftKey ? stops[stops.length - 1] : stops[0]).focus();
    }
  });

  window.SupportChat = Object.freeze({ open: () => open(true), close: () => close(false) });
  // Reopen (unfocused) after a page load if the shopper left it open in this tab.
  if (store(1, openKey) === '1') open(false);
})();
