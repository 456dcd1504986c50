// The checker's page: "now" takes the recording's current moment into the mark beside it, and a
// remark's mark plays the recording from that moment.
document.addEventListener('DOMContentLoaded', function () {
  var audio = document.getElementById('recording');
  function format(seconds) {
    var s = Math.floor(seconds);
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }
  document.querySelectorAll('.take-mark').forEach(function (button) {
    button.addEventListener('click', function () {
      var input = button.parentElement.querySelector('.mark-input');
      if (input) {
        input.value = format(audio ? audio.currentTime : 0);
        var next = button.parentElement.querySelector('input[name=remark]');
        if (next) { next.focus(); }
      }
    });
  });
  document.querySelectorAll('button.seek').forEach(function (button) {
    button.addEventListener('click', function () {
      if (audio) {
        audio.currentTime = Number(button.getAttribute('data-second'));
        audio.play();
      }
    });
  });
});
