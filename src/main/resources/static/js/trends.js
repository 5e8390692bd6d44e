// The trend chart on the chart page: density per site over time, from the JSON the page carries.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.querySelector('[data-trend-chart]');
  const data = document.querySelector('[data-trend-data]');
  if (!canvas || !data || typeof Chart === 'undefined') {
    return;
  }
  const trends = JSON.parse(data.textContent);
  const names = {};
  document.querySelectorAll('.trend-table tbody th').forEach((cell, index) => {
    names[trends[index].site] = cell.textContent;
  });
  new Chart(canvas, {
    type: 'line',
    data: {
      datasets: trends.map((trend) => ({
        label: names[trend.site] || trend.site,
        data: trend.points.map((p) => ({ x: p.date, y: p.density })),
      })),
    },
    options: {
      animation: false,
      parsing: { xAxisKey: 'x', yAxisKey: 'y' },
      scales: {
        x: { type: 'category', labels: [...new Set(trends.flatMap((t) => t.points.map((p) => p.date)))].sort() },
        y: { title: { display: true, text: canvas.dataset.labelDensity + ' (/cm²)' }, beginAtZero: false },
      },
    },
  });
});
