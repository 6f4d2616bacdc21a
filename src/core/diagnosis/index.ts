export { diagnose, isTransposition, type DiagnoseInput } from './diagnose';
