// A one-click filter in the list's filter bar: a chip that sets one filter value, and clears
// it on a second click. The value sits in the URL like every other filter.
import { Chip } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

export function QuickFilter({
  source,
  value,
  label,
}: {
  source: string;
  value: unknown;
  label: string;
  alwaysOn?: boolean;
}) {
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const active = filterValues[source] === value;
  const toggle = () => {
    const { [source]: _removed, ...others } = filterValues;
    setFilters(active ? others : { ...filterValues, [source]: value }, displayedFilters);
  };
  return (
    <Chip
      component="button"
      label={translate(label)}
      onClick={toggle}
      aria-pressed={active}
      color={active ? 'primary' : 'default'}
      variant={active ? 'filled' : 'outlined'}
      sx={{ mb: 1.25, alignSelf: 'center' }}
    />
  );
}
