{#-
    The delete guard of the audience sync marts. Put it on a model with one row per
    audience and member of this run or of the published mart (the columns was_member,
    is_member and max_removed_share). It fails for every audience where this run would
    remove more than max_removed_share of the members the published mart holds, so
    `dbt build` skips the sync mart and the change feed and the published members stay
    as they are. Raise the audience's max_removed_share, or the var
    gtm_audience_max_removed_share for one run, to publish a large removal on purpose.

    Example: audience_delete_guard: {}
-#}
{% test audience_delete_guard(model) %}

with

counts as (

    select
        audience_code,
        sum(case when was_member then 1 else 0 end) as published_count,
        sum(case when was_member and not is_member then 1 else 0 end) as removed_count,
        max(max_removed_share) as max_removed_share
    from {{ model }}
    group by audience_code

)

select
    audience_code,
    published_count,
    removed_count,
    max_removed_share
from counts
where
    published_count > 0
    and removed_count > max_removed_share * published_count

{% endtest %}
