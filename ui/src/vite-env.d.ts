/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" makes backend.ts use the in-memory fake (src/mock/fakeBackend.ts): dev and screenshots only. */
  readonly VITE_MOCK_BACKEND?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

interface Window {
  /** The OS UI language (BCP-47, e.g. "zh-CN"), injected by the Rust side; null when unknown. */
  __ZOS_OS_LOCALE__?: string | null;
}
