// Served by `notice watch --serve` only; never written into the output.
// Reloads the page after every rebuild.
new EventSource("/__notice/events").addEventListener("reload", () => location.reload());
