export interface EditorRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface EditorMarker extends EditorRange {
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface EditorDecoration {
  range: EditorRange;
  className: string;
  hoverMessage?: string;
}

export interface CodeEditorProps {
  value: string;
  language: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  height?: number | string;
  markers?: EditorMarker[];
  decorations?: EditorDecoration[];
}

export interface DiffEditorProps {
  original: string;
  modified: string;
  language: string;
  height?: number | string;
}
