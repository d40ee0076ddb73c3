{#-
    gtm_audience_previous_rows(published, key_column, columns, has_route=true)

    Generates the select of the members a sync mart held before this run: the audience
    code, the member key, `columns` and the membership columns (audience_rank, route,
    entered_at, updated_at) from the published mart, or a typed empty select when
    there is none yet (the first build on an empty database).

    Arguments:
        published: the relation from gtm_published_relation, or none
        key_column: person_id or company_id
        columns: dict of the mart's content columns -> SQL type
        has_route: false for a mart without a route column (audience_accounts); its
            previous route is then NULL

    Example: gtm_audience_previous_rows(none, 'company_id', {'icp_score': 'decimal(5, 2)'})
             ->  select cast(null as varchar) as audience_code, ... where 1 = 0
-#}
{% macro gtm_audience_previous_rows(published, key_column, columns, has_route=true) %}
    {%- set all_columns = {'audience_code': dbt.type_string(), key_column: dbt.type_string()} -%}
    {%- do all_columns.update(columns) -%}
    {%- do all_columns.update({
        'audience_rank': 'integer',
        'route': dbt.type_string(),
        'entered_at': dbt.type_timestamp(),
        'updated_at': dbt.type_timestamp(),
    }) -%}
    {%- set lines = [] -%}
    {%- for column, data_type in all_columns.items() -%}
        {%- if published is none or (column == 'route' and not has_route) -%}
            {%- do lines.append('cast(null as ' ~ data_type ~ ') as ' ~ column) -%}
        {%- else -%}
            {%- do lines.append('cast(' ~ column ~ ' as ' ~ data_type ~ ') as ' ~ column) -%}
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
