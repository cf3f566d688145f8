// The demo store page: picks Polish or English from the browser (with a switch), gets a short-lived
// Direct Line token from CxBot (the secret never reaches the browser) and renders Microsoft's Web Chat.
(function () {
  'use strict';

  var texts = {
    pl: {
      'nav.women': 'Kobieta', 'nav.men': 'Mężczyzna', 'nav.home': 'Dom', 'nav.sale': 'Wyprzedaż',
      'hero.title': 'Jesienna kolekcja już jest',
      'hero.text': 'Darmowa dostawa od 199 zł, 30 dni na zwrot. Masz pytanie? Nasz asystent odpowie od razu, o każdej porze.',
      p1: 'Sweter z wełną merino', p2: 'Płaszcz wełniany', p3: 'Pościel z lnu', p4: 'Komplet ręczników',
      'chat.title': 'Pomoc Wrzos — czat',
      'chat.unavailable': 'Czat jest chwilowo niedostępny. Spróbuj za chwilę.'
    },
    en: {
      'nav.women': 'Women', 'nav.men': 'Men', 'nav.home': 'Home', 'nav.sale': 'Sale',
      'hero.title': 'The autumn collection is here',
      'hero.text': 'Free delivery from 199 zł, 30 days to return. Got a question? Our assistant answers right away, any time.',
      p1: 'Merino wool sweater', p2: 'Wool coat', p3: 'Linen bedding', p4: 'Towel set',
      'chat.title': 'Wrzos help — chat',
      'chat.unavailable': 'The chat is unavailable right now. Please try again shortly.'
    }
  };

  var storageKey = 'cxbot.conversation';
  var params = new URLSearchParams(location.search);
  var language = params.get('lang') || localStorage.getItem('cxbot.lang') ||
    ((navigator.language || 'pl').toLowerCase().indexOf('pl') === 0 ? 'pl' : 'en');
  if (!texts[language]) language = 'pl';

  function applyTexts() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      var value = texts[language][el.getAttribute('data-i18n')];
      if (value) el.textContent = value;
    });
    document.querySelectorAll('[data-lang]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === language));
    });
  }

  // A conversation survives a reload of the page while its token is valid; Web Chat refreshes the token.
  function savedConversation() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      return saved && saved.expiresAt > Date.now() + 60000 ? saved : null;
    } catch (e) { return null; }
  }

  function newConversation() {
    return fetch('/api/webchat/token', { method: 'POST' }).then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    }).then(function (body) {
      var saved = { conversationId: body.conversationId, token: body.token, expiresAt: Date.now() + body.expires_in * 1000 };
      sessionStorage.setItem(storageKey, JSON.stringify(saved));
      return saved;
    });
  }

  function userId() {
    var id = localStorage.getItem('cxbot.user');
    if (!id) {
      id = 'dl_' + Math.random().toString(36).slice(2) + Date.now().toString(36);
      localStorage.setItem('cxbot.user', id);
    }
    return id;
  }

  var directLine = null;

  function render(conversation, resumed) {
    if (directLine) directLine.end();
    var locale = language === 'pl' ? 'pl-PL' : 'en-US';
    var options = {
      token: conversation.token,
      domain: location.origin + '/v3/directline',
      conversationStartProperties: { locale: locale }
    };
    if (resumed) options.conversationId = conversation.conversationId;
    directLine = window.WebChat.createDirectLine(options);
    // Keep the saved token fresh as directlinejs refreshes it.
    setInterval(function () {
      if (directLine && directLine.token) {
        conversation.token = directLine.token;
        conversation.expiresAt = Date.now() + 30 * 60 * 1000;
        sessionStorage.setItem(storageKey, JSON.stringify(conversation));
      }
    }, 60000);
    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: userId(),
      locale: locale,
      // Lets a consultant see the customer typing; the bot itself ignores typing.
      sendTypingIndicator: true,
      styleOptions: {
        // The paper clip: photos and PDF documents (a hint for the file picker; the server checks each file's bytes).
        hideUploadButton: false,
        uploadAccept: 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf',
        botAvatarInitials: 'CX',
        accent: '#7a4f74',
        bubbleBorderRadius: 10,
        bubbleFromUserBorderRadius: 10,
        bubbleFromUserBackground: '#f1e6ef'
      }
    }, document.getElementById('webchat'));
  }

  function start() {
    applyTexts();
    var saved = savedConversation();
    (saved ? Promise.resolve(saved) : newConversation()).then(function (conversation) {
      render(conversation, !!saved);
    }).catch(function () {
      var status = document.getElementById('chat-status');
      status.textContent = texts[language]['chat.unavailable'];
      status.hidden = false;
    });
  }

  document.querySelectorAll('[data-lang]').forEach(function (button) {
    button.addEventListener('click', function () {
      language = button.getAttribute('data-lang');
      localStorage.setItem('cxbot.lang', language);
      start();
    });
  });

  start();
})();
