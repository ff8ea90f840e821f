import '@nastavnik/shared/zod-locale';
import React from 'react';
import ReactDOM from 'react-dom/client';
import { App } from '@/panel/App';
import '@/panel/styles.css';

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
