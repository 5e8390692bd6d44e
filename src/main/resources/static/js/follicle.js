// Small progressive enhancements; every page works without them.
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
