import '@nastavnik/shared/zod-locale';
import React from 'react';
import ReactDOM from 'react-dom/client';
import { App } from '@/panel/App';
import '@/panel/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('sidepanel.html has no #root element');

ReactDOM.createRoot(root).render(
  <React.StrictMode>
    <App />
  </React.StrictMode>,
);
