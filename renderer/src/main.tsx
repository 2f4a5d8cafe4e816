import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider, setupApi } from './api';
import { App } from './app/App';
import { VisibleText } from './components/VisibleText';
import { applyInitialTheme } from './state/theme';
import './styles/app.css';

applyInitialTheme();
const root = createRoot(document.getElementById('root')!);
const setup = setupApi();
root.render(
  <StrictMode>
    {setup.ok ? (
      <ApiProvider value={setup.value}>
        <App />
      </ApiProvider>
    ) : (
      <div className="fatal">
        <h1>Hookscope</h1>
        <p>
          <VisibleText text={setup.reason} />
        </p>
      </div>
    )}
  </StrictMode>,
);
