// The dialog, buttons and field classes have their homes in dialog.tsx, button.tsx and
// form-field.tsx; this module keeps the old import path working for code written before them.
export { Dialog as ModalDialog } from './dialog';
export { dangerButton, primaryButton, secondaryButton } from './button';
export { fieldClass } from './form-field';
