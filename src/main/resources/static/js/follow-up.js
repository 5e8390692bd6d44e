// The follow-up form: choosing a photo shows it, so the practitioner rates with both side by side.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-photo-select]').forEach((select) => {
    const image = select.parentElement.querySelector('.follow-up-photo');
    select.addEventListener('change', () => {
      const option = select.selectedOptions[0];
      const src = option ? option.dataset.src : '';
      image.classList.toggle('d-none', !src);
      if (src) {
        image.src = src;
      }
    });
  });
});
