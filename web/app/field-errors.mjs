// A message next to the field that caused it. The field is marked
// aria-invalid and already points at its message with aria-describedby,
// and the message element is a role="alert", so it is read out once.

export function showError(field, message) {
  const box = document.getElementById(field.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
  field.setAttribute('aria-invalid', 'true');
  if (box) box.textContent = message;
}

export function clearError(field) {
  const box = document.getElementById(field.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
  field.removeAttribute('aria-invalid');
  if (box) box.textContent = '';
}

/** For messages that belong to a group rather than one field. */
export function showBoxError(id, message) {
  const box = document.getElementById(id);
  if (box) box.textContent = message;
}
