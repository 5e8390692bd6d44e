// The progress page's chart: the patient's density per site at each measure, from the data the page carries.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.querySelector('[data-progress-chart]');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const sites = JSON.parse(canvas.dataset.sites);
  const days = [...new Set(sites.flatMap((s) => s.points.map((p) => p.date)))].sort();
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: days,
      datasets: sites.map((s) => ({
        label: s.name,
        data: days.map((d) => {
          const point = s.points.find((p) => p.date === d);
          return point ? point.density : null;
        }),
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      scales: { y: { title: { display: true, text: canvas.dataset.labelDensity }, beginAtZero: false } },
    },
  });
  canvas.dataset.ready = 'true';
});
