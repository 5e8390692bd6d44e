// The session's scalp map: tapping a zone ticks its row (and the row's box lights the zone); the totals follow.
document.addEventListener('DOMContentLoaded', () => {
  const map = document.querySelector('.scalp-map');
  const table = document.getElementById('zone-table');
  if (!map || !table) {
    return;
  }
  const row = (zone) => table.querySelector(`[data-zone-row="${zone}"]`);
  const paint = () => {
    let points = 0;
    let volume = 0;
    map.querySelectorAll('[data-zone]').forEach((shape) => {
      const r = row(shape.dataset.zone);
      const checked = r && r.querySelector('.zone-check').checked;
      shape.classList.toggle('selected', Boolean(checked));
      if (checked) {
        const [p, v] = r.querySelectorAll('input[type="number"]');
        points += Number(p.value) || 0;
        volume += Number(v.value) || 0;
      }
    });
    document.getElementById('total-points').textContent = String(points);
    document.getElementById('total-volume').textContent = `${volume.toFixed(2)} mL`;
  };
  map.querySelectorAll('[data-zone]').forEach((shape) => {
    shape.addEventListener('click', () => {
      const box = row(shape.dataset.zone)?.querySelector('.zone-check');
      if (box && !box.disabled) {
        box.checked = !box.checked;
        paint();
        if (box.checked) {
          row(shape.dataset.zone).querySelector('input[type="number"]').focus();
        }
      }
    });
  });
  table.addEventListener('input', paint);
  paint();
  map.dataset.ready = 'true';
});
