// The cohort chart: each group's responder rate with its 95% interval as a floating bar; groups too small to
// conclude are drawn pale.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.querySelector('[data-cohort-chart]');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const groups = JSON.parse(canvas.dataset.cohort);
  const percent = (v) => Math.round(v * 1000) / 10;
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: groups.map((g) => g.label),
      datasets: [
        {
          type: 'line',
          showLine: false,
          label: canvas.dataset.labelShare,
          data: groups.map((g) => percent(g.share)),
          backgroundColor: '#0d6efd',
          borderColor: '#0d6efd',
          pointRadius: 7,
        },
        {
          label: canvas.dataset.labelInterval,
          data: groups.map((g) => [percent(g.low), percent(g.high)]),
          backgroundColor: groups.map((g) => (g.conclusive ? 'rgba(13, 110, 253, 0.25)' : 'rgba(108, 117, 125, 0.15)')),
          barPercentage: 0.4,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } },
    },
  });
  canvas.closest('section').dataset.ready = 'true';
});
