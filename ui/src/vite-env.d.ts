/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" makes backend.ts use the in-memory fake (src/mock/fakeBackend.ts): dev and screenshots only. */
  readonly VITE_MOCK_BACKEND?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/**
 * Test seam for the desktop end-to-end test (WebDriver cannot click native dialogs): when set,
 * backend.ts answers the file dialogs with these functions instead of opening a native dialog.
 */
interface ZosTestDialog {
  open?: () => string | null;
  save?: (defaultName: string) => string | null;
}

interface Window {
  __ZOS_TEST_DIALOG__?: ZosTestDialog;
  /** The OS UI language (BCP-47, e.g. "zh-CN"), injected by the Rust side; null when unknown. */
  __ZOS_OS_LOCALE__?: string | null;
}
