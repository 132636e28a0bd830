import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the panel when it throws. */
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}

/** Keeps one broken panel from blanking the page: it shows a message and the rest keeps working. */
export class ErrorBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('panel error', error, info.componentStack);
  }

  override render() {
    return this.state.message !== null ? this.props.fallback(this.state.message) : this.props.children;
  }
}
