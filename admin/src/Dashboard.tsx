import { Card, CardContent, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title } from 'react-admin';

interface Overview {
  themes: number;
  actions: number;
  partners: number;
}

const OVERVIEW = `{ themes { totalCount } actions { totalCount } partners { totalCount } }`;

export function Dashboard() {
  const [overview, setOverview] = useState<Overview>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: OVERVIEW }) })
      .then((response) => response.json())
      .then(({ data }) =>
        setOverview({ themes: data.themes.totalCount, actions: data.actions.totalCount, partners: data.partners.totalCount }),
      )
      .catch(() => setFailed(true));
  }, []);
  return (
    <Card>
      <Title title="Welkom" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          Uitvoeringsprogramma Asiel &amp; Integratie 2025-2028
        </Typography>
        {failed && <Typography color="error">De API is niet bereikbaar.</Typography>}
        {overview && (
          <Typography>
            {overview.themes} opgaven, {overview.actions} acties, {overview.partners} organisaties. De GraphQL-API staat op{' '}
            <code>/graphql</code>.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
