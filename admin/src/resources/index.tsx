// One <Resource> per entity of the model, each with a generated list, show, edit and create.
import { Resource } from 'react-admin';
import { AccessGuard } from './AccessGuard';
import type { ConsoleModel } from '../schema/model';
import { GeneratedCreate, GeneratedEdit } from './GeneratedEdit';
import { GeneratedList } from './GeneratedList';
import { GeneratedShow } from './GeneratedShow';
import { menuOrder } from './menu';
import { DEFAULT_ICON, ICONS } from './overrides';

export function generatedResources(model: ConsoleModel) {
  return menuOrder(model.resources).map((resource) => (
    <Resource
      key={resource.name}
      name={resource.name}
      icon={ICONS[resource.type] ?? DEFAULT_ICON}
      recordRepresentation={resource.representation}
      list={
        <AccessGuard resource={resource} action="list">
          <GeneratedList model={model} resource={resource} />
        </AccessGuard>
      }
      show={
        <AccessGuard resource={resource} action="show">
          <GeneratedShow model={model} resource={resource} />
        </AccessGuard>
      }
      {...(resource.operations.update ? { edit: <GeneratedEdit model={model} resource={resource} /> } : {})}
      {...(resource.operations.create ? { create: <GeneratedCreate model={model} resource={resource} /> } : {})}
    />
  ));
}
