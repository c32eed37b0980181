// /about only (app.py keeps it off the dashboard): the button that copies the citation.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy-from]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copyFrom);
  const status = button.parentElement.querySelector(".copy-status");
  const done = (text) => { if (status) status.textContent = text; };
  navigator.clipboard.writeText(source.value).then(
    () => done("✓"),
    () => { source.select(); done("Ctrl+C"); },
  );
});
