import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportError } from './store/toasts';

interface State {
  error: Error | null;
}

/** A panel that throws while rendering shows the error in its place; the rest of the app goes on. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    reportError(error, 'A panel failed to render');
  }

  override componentDidUpdate(prev: { resetKey: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <section className="panel">
          <div className="banner banner--bad" role="alert">
            This panel failed: {this.state.error.message}
          </div>
        </section>
      );
    }
    return this.props.children;
  }
}
