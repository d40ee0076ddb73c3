{#-
    gtm_validate_audience_condition(node, where, columns)

    Validates one audience condition and, through recursion, every condition nested in
    it. Returns a list of messages, empty when the condition is valid.

    A condition is a group `{all: [...]}` or `{any: [...]}` of conditions, or a leaf
    `{column, operator, value}`. `value` is a scalar for `=`, `!=`, `>=` and `<=`, a
    non-empty list for `in` and `not_in`, `[min, max]` for `between`, a whole number of
    days for `within_days`, and true (the default) or false for `is_null`.

    Arguments:
        node: the condition as read from YAML
        where: the message prefix naming the audience and the condition's path
        columns: the allow-list from gtm_audience_columns, or none when the audience's
            motion is invalid (then column names and types are not checked)

    Example: gtm_validate_audience_condition({'column': 'icp_score', 'operator': '>=', 'value': 'high'},
             "Audience 'a', where", gtm_audience_columns('person'))
             ->  ["Audience 'a', where: value 'high' is not a number, which operator >= on column 'icp_score' needs."]
-#}
{% macro gtm_validate_audience_condition(node, where, columns) %}
    {%- set errors = [] -%}
    {%- set operators_by_type = gtm_audience_operators() -%}
    {%- set all_operators = [] -%}
    {%- for operators in operators_by_type.values() -%}
        {%- for operator in operators if operator not in all_operators -%}
            {%- do all_operators.append(operator) -%}
        {%- endfor -%}
    {%- endfor -%}

    {%- if node is not mapping -%}
        {%- do errors.append(where ~ ": expected a condition {column, operator, value} or a group {all: [...]} or {any: [...]}, received '" ~ node ~ "'.") -%}
        {{ return(errors) }}
    {%- endif -%}

    {%- set group_keys = node.keys() | select('in', ['all', 'any']) | list -%}
    {%- if group_keys | length > 0 -%}
        {%- set extra_keys = node.keys() | reject('in', ['all', 'any']) | list -%}
        {%- if group_keys | length > 1 or extra_keys | length > 0 -%}
            {%- do errors.append(where ~ ": a group has exactly one key, all or any, received keys " ~ node.keys() | sort | join(', ') ~ ". Nest a second group inside the first instead.") -%}
        {%- endif -%}
        {%- set children = node[group_keys[0]] -%}
        {%- if children is string or children is mapping or children is not iterable or children | length == 0 -%}
            {%- do errors.append(where ~ "." ~ group_keys[0] ~ ": expected a non-empty list of conditions, received '" ~ children ~ "'.") -%}
        {%- else -%}
            {%- for child in children -%}
                {%- do errors.extend(gtm_validate_audience_condition(child, where ~ "." ~ group_keys[0] ~ "[" ~ loop.index0 ~ "]", columns)) -%}
            {%- endfor -%}
        {%- endif -%}
        {{ return(errors) }}
    {%- endif -%}

    {%- set leaf_keys = ['column', 'operator', 'value'] -%}
    {%- for key in node.keys() | sort if key not in leaf_keys -%}
        {%- do errors.append(where ~ ": field '" ~ key ~ "' is not valid in a condition. Allowed: column, operator, value (or all / any for a group).") -%}
    {%- endfor -%}
    {%- set column = node.get('column') -%}
    {%- set operator = node.get('operator') -%}
    {%- set value = node.get('value') -%}
    {%- set column_type = none -%}
    {%- if columns is not none -%}
        {%- if column not in columns -%}
            {%- do errors.append(where ~ ": column '" ~ column ~ "' is not an audience column of this motion. Allowed: " ~ columns.keys() | sort | join(', ') ~ ".") -%}
        {%- else -%}
            {%- set column_type = columns[column] -%}
        {%- endif -%}
    {%- endif -%}
    {%- if operator not in all_operators -%}
        {%- do errors.append(where ~ ": operator '" ~ operator ~ "' is not valid. Allowed: " ~ all_operators | join(', ') ~ ".") -%}
        {{ return(errors) }}
    {%- endif -%}
    {%- if column_type is not none and operator not in operators_by_type[column_type] -%}
        {%- do errors.append(where ~ ": operator '" ~ operator ~ "' is not valid for column '" ~ column ~ "' of type " ~ column_type ~ ". Allowed: " ~ operators_by_type[column_type] | join(', ') ~ ".") -%}
        {{ return(errors) }}
    {%- endif -%}

    {#- Value shape. A scalar must match the column type when the type is known. -#}
    {%- set needs = "which operator " ~ operator ~ " on column '" ~ column ~ "' needs." -%}
    {%- set scalars = [] -%}
    {%- if operator in ['=', '!=', '>=', '<='] -%}
        {%- do scalars.append(value) -%}
    {%- elif operator in ['in', 'not_in'] -%}
        {%- if value is string or value is mapping or value is not iterable or value | length == 0 -%}
            {%- do errors.append(where ~ ": value '" ~ value ~ "' is not a non-empty list, " ~ needs) -%}
        {%- else -%}
            {%- do scalars.extend(value) -%}
        {%- endif -%}
    {%- elif operator == 'between' -%}
        {%- if value is string or value is mapping or value is not iterable or value | length != 2 -%}
            {%- do errors.append(where ~ ": value '" ~ value ~ "' is not a list [min, max], " ~ needs) -%}
        {%- else -%}
            {%- do scalars.extend(value) -%}
            {%- if gtm_is_number(value[0]) and gtm_is_number(value[1]) and value[0] > value[1] -%}
                {%- do errors.append(where ~ ": between " ~ value[0] ~ " and " ~ value[1] ~ " has its minimum above its maximum. Swap them.") -%}
            {%- endif -%}
        {%- endif -%}
    {%- elif operator == 'within_days' -%}
        {%- if not gtm_is_number(value) or value is not integer or value < 1 -%}
            {%- do errors.append(where ~ ": value '" ~ value ~ "' is not a whole number of days of at least 1, " ~ needs) -%}
        {%- endif -%}
    {%- elif operator == 'is_null' -%}
        {%- if value is not none and value is not sameas true and value is not sameas false -%}
            {%- do errors.append(where ~ ": value '" ~ value ~ "' is not true or false, " ~ needs ~ " Leave it out for true.") -%}
        {%- endif -%}
    {%- endif -%}
    {%- for scalar in scalars -%}
        {%- if scalar is none or scalar is mapping or scalar is sameas true or scalar is sameas false or (scalar is not string and scalar is iterable) -%}
            {%- do errors.append(where ~ ": value '" ~ scalar ~ "' is not a single text or number, " ~ needs) -%}
        {%- elif column_type == 'number' and not gtm_is_number(scalar) -%}
            {%- do errors.append(where ~ ": value '" ~ scalar ~ "' is not a number, " ~ needs) -%}
        {%- elif column_type == 'text' and scalar is not string -%}
            {%- do errors.append(where ~ ": value " ~ scalar ~ " is not text, " ~ needs ~ " Quote it in the YAML, for example '" ~ scalar ~ "'.") -%}
        {%- elif column_type == 'text' and scalar | trim == '' -%}
            {%- do errors.append(where ~ ": value is blank; use operator is_null to select missing values.") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(errors) }}
{% endmacro %}
