package io.plinth.viewservice.apps.model;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Test models written with single quotes for readability. */
final class Models {

    private Models() {
    }

    static JsonObject json(String singleQuoted) {
        try (JsonReader reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    /** The contract's example (docs/app-model.md) with forms, lists, navigation, roles, access and slots. */
    static JsonObject orders() {
        return json("""
                {'modelVersion': 1, 'key': 'orders', 'name': 'Orders', 'description': 'Customers and their orders',
                 'icon': 'pi pi-box', 'owners': ['alice'],
                 'types': [
                  {'key': 'customer', 'name': 'Customer', 'securityPartition': 'region', 'fields': [
                    {'key': 'name', 'name': 'Name', 'type': 'text', 'required': true, 'length': 200, 'unique': true, 'indexed': true},
                    {'key': 'region', 'name': 'Region', 'type': 'enum', 'values': ['north', 'south'], 'required': true},
                    {'key': 'credit', 'name': 'Credit', 'type': 'decimal', 'precision': 12, 'scale': 2, 'default': '0'},
                    {'key': 'vip', 'type': 'boolean', 'default': false},
                    {'key': 'since', 'type': 'date'}, {'key': 'seen', 'type': 'timestamp'},
                    {'key': 'visits', 'type': 'integer'},
                    {'key': 'manager', 'type': 'user'}, {'key': 'contract', 'type': 'file'}, {'key': 'extra', 'type': 'json'},
                    {'key': 'fullname', 'type': 'text', 'length': 300}]},
                  {'key': 'order', 'name': 'Order', 'fields': [
                    {'key': 'customer', 'type': 'reference', 'required': true,
                     'reference': {'type': 'customer', 'cardinality': 'one', 'onDelete': 'restrict'}},
                    {'key': 'tags', 'type': 'reference', 'reference': {'type': 'tag', 'cardinality': 'many'}},
                    {'key': 'total', 'type': 'decimal', 'precision': 12, 'scale': 2, 'computed': true}]},
                  {'key': 'tag', 'fields': [{'key': 'label', 'type': 'text', 'length': 50}]}],
                 'forms': [{'key': 'customer-form', 'name': 'Customer', 'type': 'customer', 'sections': [
                    {'title': 'Main', 'columns': 2, 'fields': [
                      {'field': 'name'}, {'field': 'region', 'column': 2},
                      {'field': 'credit', 'readOnlyWhen': [{'field': 'vip', 'op': 'eq', 'value': false}]},
                      {'field': 'manager', 'visibleWhen': [{'field': 'region', 'op': 'in', 'value': ['north']}]},
                      {'field': 'created_at', 'readOnly': true}]}]}],
                 'lists': [{'key': 'all-customers', 'type': 'customer',
                    'columns': [{'field': 'name', 'width': 200}, {'field': 'region'}, {'field': 'credit', 'label': 'Credit'}],
                    'filter': [{'field': 'vip', 'op': 'eq', 'value': true}, {'field': 'credit', 'op': 'ge', 'value': 10.5}],
                    'sort': [{'field': 'name', 'direction': 'asc'}]}],
                 'navigation': [{'key': 'sales', 'label': 'Sales', 'children': [
                    {'key': 'customers', 'label': 'Customers', 'list': 'all-customers'},
                    {'key': 'new-customer', 'label': 'New customer', 'form': 'customer-form'}]}],
                 'roles': [{'key': 'manager', 'name': 'Manager'}, {'key': 'clerk'}],
                 'access': [
                   {'role': 'manager', 'type': 'customer', 'operations': ['read', 'create', 'update', 'delete']},
                   {'role': 'clerk', 'type': 'customer', 'operations': ['read'],
                    'rows': [{'field': 'manager', 'op': 'eq', 'value': '$user.id'},
                             {'field': 'region', 'op': 'in', 'value': '$user.groups'}],
                    'fields': [{'field': 'credit', 'access': 'hidden'}, {'field': 'vip', 'access': 'read-only'}]}],
                 'workflows': [{'key': 'approval', 'states': ['new', 'done']}], 'scripts': [], 'templates': [],
                 'schedules': [{'key': 'nightly', 'cron': '0 0 2 * * ?'}]}
                """);
    }
}
