import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
// The dom entry wires react-dom's flushSync, so a filter can ask for its URL change to show at once.
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../api/query-client';
import { AuthProvider } from './auth/AuthContext';
import { routes } from './routes';
import '../styles.css';

const router = createBrowserRouter(routes);
const queryClient = createQueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
