import type { ComponentType } from 'react';

/** A panel that does not exist yet says so, and says what brings it; it never shows made-up data. */
export function notBuilt(title: string, arrivesWith: string): ComponentType {
  function NotBuiltPanel() {
    return (
      <section className="panel panel--not-built" data-panel-state="not-built" aria-labelledby="panel-title">
        <header className="panel__header">
          <h1 id="panel-title" className="panel__title">
            {title}
          </h1>
        </header>
        <div className="not-built">
          <p className="not-built__lead">Not built yet: arrives with {arrivesWith}.</p>
        </div>
      </section>
    );
  }
  NotBuiltPanel.displayName = `NotBuilt(${title})`;
  return NotBuiltPanel;
}
