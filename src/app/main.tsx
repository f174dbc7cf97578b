import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './provider';
import { App } from './app';
import './index.css';
import { applyThemePreference, readThemePreference } from '../features/theme/theme-preference';

// Before the first render, so a chosen theme never flashes the other one.
applyThemePreference(readThemePreference());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <App />
    </AppProvider>
  </StrictMode>,
);
