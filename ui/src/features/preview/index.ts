export { PreviewDialog, usePreviewDialog, type PreviewDialogProps, type PreviewTarget } from "./PreviewDialog";
export { messages } from "./i18n";
