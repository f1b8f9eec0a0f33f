import { Component, type ReactNode } from 'react';

/** Shows a Swedish message instead of a blank page when rendering fails. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <main className="page">
          <h1>Något gick fel</h1>
          <p role="alert">Sidan kunde inte visas: {this.state.error.message}</p>
          <p>Ladda om sidan. Inlästa filer behöver läsas in igen; inga uppgifter har lämnat datorn.</p>
        </main>
      );
    }
    return this.props.children;
  }
}
