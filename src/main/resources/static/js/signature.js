// The signature pad: draw with a finger, pen or mouse; the drawing is sent as a PNG in the form's "signature" field.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('canvas[data-signature-for]').forEach((canvas) => {
    const field = document.getElementById(canvas.dataset.signatureFor);
    const context = canvas.getContext('2d');
    const ratio = window.devicePixelRatio || 1;
    const resize = () => {
      canvas.width = canvas.clientWidth * ratio;
      canvas.height = canvas.clientHeight * ratio;
      context.scale(ratio, ratio);
      context.lineWidth = 2.5;
      context.lineCap = 'round';
      context.strokeStyle = '#111';
      field.value = '';
    };
    resize();
    let drawing = false;
    let drawn = false;
    const point = (event) => {
      const box = canvas.getBoundingClientRect();
      return [event.clientX - box.left, event.clientY - box.top];
    };
    canvas.addEventListener('pointerdown', (event) => {
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      context.beginPath();
      context.moveTo(...point(event));
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!drawing) {
        return;
      }
      context.lineTo(...point(event));
      context.stroke();
      drawn = true;
    });
    const finish = () => {
      if (drawing && drawn) {
        field.value = canvas.toDataURL('image/png');
      }
      drawing = false;
    };
    canvas.addEventListener('pointerup', finish);
    canvas.addEventListener('pointercancel', finish);
    const clear = document.querySelector('[data-signature-clear="' + canvas.dataset.signatureFor + '"]');
    if (clear) {
      clear.addEventListener('click', () => {
        context.clearRect(0, 0, canvas.width, canvas.height);
        drawn = false;
        field.value = '';
      });
    }
  });
});
