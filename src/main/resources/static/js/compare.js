// Photo comparison: the slider uncovers the later photo over the earlier one, from left to right.
document.addEventListener('DOMContentLoaded', () => {
  const overlay = document.querySelector('[data-compare]');
  const slider = document.querySelector('[data-compare-slider]');
  if (!overlay || !slider) {
    return;
  }
  const over = overlay.querySelector('.over');
  const show = () => {
    over.style.clipPath = 'inset(0 ' + (100 - slider.value) + '% 0 0)';
  };
  slider.addEventListener('input', show);
  show();
});
