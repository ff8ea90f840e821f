import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { ImportRoadmap } from './ImportRoadmap.js';
import { Overview } from './Overview.js';
import { Review } from './Review.js';
import { Embed } from './Embed.js';

export default function App() {
  return (
    <Page.Main>
      <Routes>
        <Route index element={<Overview />} />
        <Route path="import" element={<ImportRoadmap />} />
        <Route path="review" element={<Review />} />
        <Route path="embed" element={<Embed />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Page.Main>
  );
}
