// Shows the attendance list's Print button (hidden without JavaScript) and prints on click.
document.querySelectorAll(".print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
