{#-
    gtm_audience_membership(key_column, content_columns, missing_reason)

    Generates the select that compares this run's evaluation of the audiences with the
    members the sync mart held before it. It reads three relations that the calling
    model defines: `current_rows` (this run: audience_code, the key, the content
    columns, is_selected, selection_rank, route, route_reason, failed_reason,
    passed_reason), `previous_rows` (from gtm_audience_previous_rows) and `audiences`
    (int_audiences__validated). One row per audience and member of either side, with:

    - is_member, was_member, audience_rank and previous_rank, route and previous_route;
    - content_changes: each content column whose value changed, old -> new;
    - entry_reason and exit_reason: the conditions met, or the first of: the audience
      is gone, the member is gone from the inputs (`missing_reason`, SQL text), the
      conditions that fail, the rank outside the limit;
    - entered_at: the start of the current membership, kept from the published row
      while the member stays; updated_at: kept while no synced column changes. Both are
      this run's start time (run_started_at, UTC) otherwise.

    Example: gtm_audience_membership('company_id', ['icp_code', 'icp_score'], "'company no longer in company_fit'")
-#}
{% macro gtm_audience_membership(key_column, content_columns, missing_reason) %}
    {%- set run_time = gtm_scored_at() -%}
    {%- set changes = [] -%}
    {%- for column in content_columns -%}
        {%- do changes.append(
            "case when (current_rows." ~ column ~ " is distinct from previous_rows." ~ column
            ~ ") then '" ~ column ~ " ' || coalesce(cast(previous_rows." ~ column ~ " as " ~ dbt.type_string() ~ "), 'unknown')"
            ~ " || ' -> ' || coalesce(cast(current_rows." ~ column ~ " as " ~ dbt.type_string() ~ "), 'unknown') end"
        ) -%}
    {%- endfor %}
    {%- set grain = gtm_quote(key_column | replace('_id', '')) -%}
    {%- set within_limit -%}
        (audiences.member_limit is null or audiences.member_grain <> {{ grain }} or current_rows.selection_rank <= audiences.member_limit)
    {%- endset %}
    select
        compared.*,
        case
            when compared.is_member and compared.was_member then compared.previous_entered_at
            when compared.is_member then {{ run_time }}
        end as entered_at,
        case
            when
                compared.is_member
                and compared.was_member
                and compared.content_changes is null
                and not (compared.audience_rank is distinct from compared.previous_rank)
                and not (compared.route is distinct from compared.previous_route)
                then compared.previous_updated_at
            when compared.is_member then {{ run_time }}
        end as updated_at
    from (
        select
            coalesce(current_rows.audience_code, previous_rows.audience_code) as audience_code,
            coalesce(current_rows.{{ key_column }}, previous_rows.{{ key_column }}) as {{ key_column }},
            {%- for column in content_columns %}
            current_rows.{{ column }},
            {%- endfor %}
            coalesce(current_rows.is_selected and {{ within_limit }}, false) as is_member,
            previous_rows.{{ key_column }} is not null as was_member,
            case when current_rows.is_selected and {{ within_limit }} then current_rows.selection_rank end
                as audience_rank,
            previous_rows.audience_rank as previous_rank,
            case when current_rows.is_selected and {{ within_limit }} then current_rows.route end as route,
            previous_rows.route as previous_route,
            current_rows.route_reason,
            nullif(concat_ws(
                '; ',
                {{ changes | join(',\n                ') }}
            ), '') as content_changes,
            current_rows.passed_reason
            || case
                when audiences.member_limit is not null and audiences.member_grain = {{ grain }}
                    then ', ranked ' || cast(current_rows.selection_rank as {{ dbt.type_string() }})
                    || ' within the limit of ' || cast(audiences.member_limit as {{ dbt.type_string() }})
                else ''
            end as entry_reason,
            case
                when audiences.audience_code is null then 'the audience is no longer defined'
                when current_rows.{{ key_column }} is null then {{ missing_reason }}
                when not current_rows.is_selected then current_rows.failed_reason
                else 'ranked ' || cast(current_rows.selection_rank as {{ dbt.type_string() }})
                    || ', outside the limit of ' || cast(audiences.member_limit as {{ dbt.type_string() }})
            end as exit_reason,
            audiences.audience_version,
            coalesce(audiences.max_removed_share, {{ var('gtm_audience_max_removed_share') }}) as max_removed_share,
            previous_rows.entered_at as previous_entered_at,
            previous_rows.updated_at as previous_updated_at
        from current_rows
        full outer join previous_rows
            on
                current_rows.audience_code = previous_rows.audience_code
                and current_rows.{{ key_column }} = previous_rows.{{ key_column }}
        left join audiences
            on coalesce(current_rows.audience_code, previous_rows.audience_code) = audiences.audience_code
    ) as compared
{%- endmacro %}
