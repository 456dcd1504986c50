// The follow-up form: keys 1–4 choose the satisfaction (the order of the standard's scale), unless the
// agent is typing in a text field.
document.addEventListener('keydown', function (e) {
  var form = document.getElementById('outcome-form');
  if (!form || e.altKey || e.ctrlKey || e.metaKey) return;
  var t = e.target;
  if (t && (t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && t.type !== 'radio') || t.tagName === 'SELECT')) return;
  if (e.key >= '1' && e.key <= '4') {
    var radio = form.querySelector('input[name=satisfaction][data-key="' + e.key + '"]');
    if (radio) {
      radio.checked = true;
      radio.focus();
      e.preventDefault();
    }
  }
});
