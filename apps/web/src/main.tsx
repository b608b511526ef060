import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/queryClient.ts';
import { App } from './App.tsx';
import { setupI18n } from './i18n/index.ts';
import { themeStore } from './theme/theme.ts';
import './index.css';

// Theme and language first, so the first paint is already in the right colours and words (an English
// visitor waits for the English chunk before the first render).
themeStore.init();
await setupI18n();

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
