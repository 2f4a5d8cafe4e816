import { Component, type ReactNode } from 'react';
import { VisibleText } from './VisibleText';

/** Keeps one broken panel (a malformed payload, a feature still in progress) from blanking the whole window. */
export class ErrorBoundary extends Component<
  { children: ReactNode; label: string },
  { error: Error | null }
> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="panel-error" role="alert">
          <strong>{this.props.label} failed to render.</strong>
          <pre>
            <VisibleText text={this.state.error.message} />
          </pre>
          <button type="button" className="btn btn-small" onClick={() => this.setState({ error: null })}>
            Retry
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
