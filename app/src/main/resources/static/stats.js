// The statistics page: draws the tables' figures as charts with Chart.js (served from its WebJar).
// The numbers come from /api/stats (same session, GET only); without JavaScript the tables remain.
document.addEventListener("DOMContentLoaded", async () => {
  if (typeof Chart === "undefined") return;
  const response = await fetch("/api/stats", { credentials: "same-origin" });
  if (!response.ok) return;
  const stats = await response.json();
  // Honours the system's "reduce motion" setting (and makes screenshots show finished charts).
  if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) Chart.defaults.animation = false;
  // Counts are whole numbers: a journal with one memory gets no 0.1 ... 0.9 ticks.
  const counts = { beginAtZero: true, ticks: { precision: 0 } };
  const bar = (id, labels, datasets, extra) => {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: "bar",
      data: { labels, datasets },
      options: Object.assign({ responsive: true, plugins: { legend: { display: datasets.length > 1 } } }, extra || {}),
    });
  };
  bar("chart-types", Object.keys(stats.mediaTypes),
    [{ label: "Memories", data: Object.values(stats.mediaTypes) }], { scales: { y: counts } });
  bar("chart-months", stats.months.map((m) => m.month), [
    { label: "Memories", data: stats.months.map((m) => m.count), yAxisID: "y" },
    { label: "Average sentiment", type: "line", data: stats.months.map((m) => m.averageSentiment), yAxisID: "mood" },
  ], { scales: { y: counts, mood: { position: "right", min: -1, max: 1 } } });
  bar("chart-tags", stats.topTags.map((t) => "#" + t.name),
    [{ label: "Memories", data: stats.topTags.map((t) => t.count) }], { indexAxis: "y", scales: { x: counts } });
  bar("chart-weekdays", stats.weekdays.map((d) => d.day),
    [{ label: "Memories", data: stats.weekdays.map((d) => d.count) }], { scales: { y: counts } });
});
