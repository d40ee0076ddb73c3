{#-
    gtm_audience_previous_rows(published, key_column, columns)

    Generates the select of the members a sync mart held before this run: the audience
    code, the member key, `columns` and the membership columns (audience_rank, route,
    entered_at, updated_at) from the published mart, or a typed empty select when
    there is none yet (the first build on an empty database). A column the published
    mart lacks (audience_accounts has no route, and a mart written by an older version
    of the project may lack a newer content column) is selected as NULL, so its members
    count as updated rather than as entering again.

    Arguments:
        published: the relation from gtm_published_relation, or none
        key_column: person_id or company_id
        columns: dict of the mart's content columns -> SQL type

    Example: gtm_audience_previous_rows(none, 'company_id', {'icp_score': 'decimal(5, 2)'})
             ->  select cast(null as varchar) as audience_code, ... where 1 = 0
-#}
{% macro gtm_audience_previous_rows(published, key_column, columns) %}
    {%- set all_columns = {'audience_code': dbt.type_string(), key_column: dbt.type_string()} -%}
    {%- do all_columns.update(columns) -%}
    {%- do all_columns.update({
        'audience_rank': 'integer',
        'route': dbt.type_string(),
        'entered_at': dbt.type_timestamp(),
        'updated_at': dbt.type_timestamp(),
    }) -%}
    {%- set present = [] -%}
    {%- if published is not none -%}
        {%- set present = adapter.get_columns_in_relation(published) | map(attribute='name') | map('lower') | list -%}
    {%- endif -%}
    {%- set lines = [] -%}
    {%- for column, data_type in all_columns.items() -%}
        {%- if column in present -%}
            {%- do lines.append('cast(' ~ column ~ ' as ' ~ data_type ~ ') as ' ~ column) -%}
        {%- else -%}
            {%- do lines.append('cast(null as ' ~ data_type ~ ') as ' ~ column) -%}
        {%- endif -%}
    {%- endfor %}
    select
        {{ lines | join(',\n        ') }}
    {%- if published is none %}
    where 1 = 0
    {%- else %}
    from {{ published }}
    {%- endif %}
{% endmacro %}
