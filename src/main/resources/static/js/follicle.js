// Small progressive enhancements; every page works without them.
document.documentElement.classList.add('js');

// htmx's requests carry the page's CSRF token, as its forms do.
document.addEventListener('htmx:configRequest', (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// The main menu's button folds and unfolds it on a narrow screen.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('.menu-toggle');
  const menu = document.getElementById('main-menu');
  if (toggle && menu) {
    toggle.addEventListener('click', () => {
      const open = menu.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    });
  }
});
document.addEventListener('DOMContentLoaded', () => {
  // A select marked data-autosubmit submits its form on change; its submit button is then not needed.
  document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
    select.addEventListener('change', () => select.form.requestSubmit());
  });
  document.querySelectorAll('.js-hidden').forEach((element) => element.classList.add('d-none'));
});

// A form marked data-confirm asks before it is sent (deactivating an account, voiding a record).
document.addEventListener('submit', (event) => {
  const message = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// A name field marked data-suggest offers, as one types, the names the server suggests (the medicine dictionary)
// in its datalist. Without this the field is plain text, classified all the same when saved.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('input[data-suggest][list]').forEach((input) => {
    let timer;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const typed = input.value.trim();
      if (typed.length < 2) {
        return;
      }
      timer = setTimeout(async () => {
        const response = await fetch(input.dataset.suggest + '?q=' + encodeURIComponent(typed),
          { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
        if (response.ok) {
          document.getElementById(input.getAttribute('list')).innerHTML = await response.text();
        }
      }, 150);
    });
  });
});
