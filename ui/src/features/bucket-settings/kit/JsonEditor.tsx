import { json } from "@codemirror/lang-json";
import { forceLinting, linter, type Diagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { Problem } from "../../../backend";
import { useProblemSentence } from "./problems";

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** Problems of the current text (from Rust's parse); those with a line are marked in place. */
  problems: readonly Problem[];
  label: string;
  testId?: string;
}

/**
 * A CodeMirror 6 JSON editor: syntax highlighting, bracket matching, and the problems Rust
 * found marked at their line and column (the rest at the start). The text is controlled: a new
 * `value` that differs from the editor's replaces it.
 */
export function JsonEditor({ value, onChange, problems, label, testId = "json-editor" }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, problems, sentence: (p: Problem) => p.detail });
  const sentence = useProblemSentence();
  useLayoutEffect(() => {
    latest.current = { onChange, problems, sentence };
    // New problems arrive after Rust parsed the text: mark them now, not on the next keystroke.
    if (view.current) forceLinting(view.current);
  });

  useEffect(() => {
    if (!host.current) return;
    const lint = linter(
      (v): Diagnostic[] =>
        latest.current.problems.map((p) => {
          let from = 0;
          if (p.line !== null && p.line >= 1 && p.line <= v.state.doc.lines) {
            const line = v.state.doc.line(p.line);
            from = Math.min(line.from + Math.max((p.column ?? 1) - 1, 0), line.to);
          }
          const to = Math.min(from + 1, v.state.doc.length);
          const message = p.field ? `${p.field}: ${latest.current.sentence(p)}` : latest.current.sentence(p);
          return { from, to, severity: "error", message };
        }),
      { delay: 100 },
    );
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          json(),
          lint,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; value changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div className="json-editor" data-testid={testId} ref={host} />;
}
