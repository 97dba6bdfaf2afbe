/** The admin pages' small kit of form and table parts; generic, for any admin page. */
export { ConfirmButton } from './confirm-button.tsx';
export { EditorPanel, ListHeader } from './editor-panel.tsx';
export { EntityTable, type Column } from './entity-table.tsx';
export { CheckField, Field, MultiCheck, type ControlProps } from './field.tsx';
export { errorFor, fieldErrors, type FieldErrors } from './form-errors.ts';
export { useEntityList, useLoad, type EntityList, type Loaded } from './use-entity-list.ts';
export { useEditor } from './use-editor.ts';
export { useSave } from './use-save.ts';
import './admin-ui.css';
